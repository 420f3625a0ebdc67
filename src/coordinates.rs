//! A point given as two numbers (`GeoX`, `GeoY`): which coordinate system the numbers look like,
//! and whether the point falls inside an area. The order of the tests and their ranges follow the
//! planning.data.gov.uk pipeline (digital-land-python `datatype/wkt.py`, `parse_wkt`): degrees
//! first, then OSGB36 eastings and northings, then Web Mercator metres, each tried swapped too.

/// What a pair of numbers turned out to be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement {
    /// WGS84 longitude and latitude inside the area: as asked.
    Inside,
    /// Readable and inside the area once converted or swapped; the point as longitude, latitude.
    Converted { from: Reading, lon: f64, lat: f64 },
    /// Numbers of a known kind, but the point is outside the area (either way round).
    Outside(Kind),
    /// Numbers that are no kind of coordinates conform knows.
    Unknown,
}

/// The coordinate system the numbers look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Degrees,
    EastingNorthing,
    Mercator,
}

/// How a pair was read to land inside the area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub kind: Kind,
    pub swapped: bool,
}

impl Kind {
    /// What the numbers are, for messages ("longitude and latitude").
    pub fn describe(self) -> crate::i18n::Text {
        match self {
            Kind::Degrees => crate::t!("coord-degrees"),
            Kind::EastingNorthing => crate::t!("coord-easting-northing"),
            Kind::Mercator => crate::t!("coord-mercator"),
        }
    }
}

/// Places `(x, y)` against `area`, a ring of longitude, latitude corners.
pub fn place(x: f64, y: f64, area: &[(f64, f64)]) -> Placement {
    let kind = if degrees_like(x, y) {
        Kind::Degrees
    } else if easting_northing_like(x, y) {
        Kind::EastingNorthing
    } else if mercator_like(y) || mercator_like(x) {
        Kind::Mercator
    } else {
        return Placement::Unknown;
    };
    let to_degrees = |a: f64, b: f64| match kind {
        Kind::Degrees => Some((a, b)),
        Kind::EastingNorthing => {
            easting_northing_like(a, b).then(|| osgb36_to_longitude_latitude(a, b))
        }
        Kind::Mercator => mercator_like(b).then(|| mercator_to_longitude_latitude(a, b)),
    };
    for swapped in [false, true] {
        let (a, b) = if swapped { (y, x) } else { (x, y) };
        if let Some((lon, lat)) = to_degrees(a, b).filter(|&(lon, lat)| inside(lon, lat, area)) {
            return if kind == Kind::Degrees && !swapped {
                Placement::Inside
            } else {
                Placement::Converted {
                    from: Reading { kind, swapped },
                    lon,
                    lat,
                }
            };
        }
    }
    Placement::Outside(kind)
}

fn degrees_like(x: f64, y: f64) -> bool {
    let degrees = |v: f64| v > -60.0 && v < 60.0;
    degrees(x) && degrees(y)
}

fn easting_northing_like(x: f64, y: f64) -> bool {
    let grid = |v: f64| v > 1_000.0 && v < 1_000_000.0;
    grid(x) && grid(y)
}

fn mercator_like(y: f64) -> bool {
    y > 6_000_000.0 && y < 10_000_000.0
}

/// Whether a point is inside a ring (even-odd rule; the ring need not repeat its first corner).
pub fn inside(lon: f64, lat: f64, ring: &[(f64, f64)]) -> bool {
    let mut within = false;
    let mut previous = match ring.last() {
        Some(&corner) => corner,
        None => return false,
    };
    for &(x, y) in ring {
        let (px, py) = previous;
        if (y > lat) != (py > lat) && lon < (px - x) * (lat - y) / (py - y) + x {
            within = !within;
        }
        previous = (x, y);
    }
    within
}

/// Web Mercator metres to degrees on the sphere it assumes.
fn mercator_to_longitude_latitude(x: f64, y: f64) -> (f64, f64) {
    const RADIUS: f64 = 6_378_137.0;
    let lon = (x / RADIUS).to_degrees();
    let lat = (2.0 * (y / RADIUS).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
    (lon, lat)
}

/// British National Grid easting and northing to OSGB36 longitude and latitude: the inverse
/// transverse Mercator projection on the Airy 1830 ellipsoid, as Ordnance Survey's "A guide to
/// coordinate systems in Great Britain" (annex C) gives it. The shift to WGS84 (about 100 metres)
/// is left out: the answer places a point in or out of an area and shows it rounded.
pub fn osgb36_to_longitude_latitude(easting: f64, northing: f64) -> (f64, f64) {
    let (a, b) = (6_377_563.396_f64, 6_356_256.909_f64);
    let f0 = 0.999_601_271_7;
    let (lat0, lon0) = (49f64.to_radians(), (-2f64).to_radians());
    let (n0, e0) = (-100_000.0, 400_000.0);
    let e2 = 1.0 - (b * b) / (a * a);
    let n = (a - b) / (a + b);
    let (n2, n3) = (n * n, n * n * n);
    let meridional_arc = |lat: f64| {
        let (d, s) = (lat - lat0, lat + lat0);
        b * f0
            * ((1.0 + n + 1.25 * n2 + 1.25 * n3) * d
                - (3.0 * n + 3.0 * n2 + 21.0 / 8.0 * n3) * d.sin() * s.cos()
                + (15.0 / 8.0 * n2 + 15.0 / 8.0 * n3) * (2.0 * d).sin() * (2.0 * s).cos()
                - 35.0 / 24.0 * n3 * (3.0 * d).sin() * (3.0 * s).cos())
    };
    let mut lat = lat0;
    let mut m = 0.0;
    // Converges to well under a millimetre in a handful of steps.
    for _ in 0..100 {
        lat += (northing - n0 - m) / (a * f0);
        m = meridional_arc(lat);
        if (northing - n0 - m).abs() < 1e-5 {
            break;
        }
    }
    let sin2 = lat.sin().powi(2);
    let nu = a * f0 / (1.0 - e2 * sin2).sqrt();
    let rho = a * f0 * (1.0 - e2) / (1.0 - e2 * sin2).powf(1.5);
    let eta2 = nu / rho - 1.0;
    let (t, sec) = (lat.tan(), 1.0 / lat.cos());
    let (t2, t4, t6) = (t * t, t.powi(4), t.powi(6));
    let vii = t / (2.0 * rho * nu);
    let viii = t / (24.0 * rho * nu.powi(3)) * (5.0 + 3.0 * t2 + eta2 - 9.0 * t2 * eta2);
    let ix = t / (720.0 * rho * nu.powi(5)) * (61.0 + 90.0 * t2 + 45.0 * t4);
    let x = sec / nu;
    let xi = sec / (6.0 * nu.powi(3)) * (nu / rho + 2.0 * t2);
    let xii = sec / (120.0 * nu.powi(5)) * (5.0 + 28.0 * t2 + 24.0 * t4);
    let xiia = sec / (5040.0 * nu.powi(7)) * (61.0 + 662.0 * t2 + 1320.0 * t4 + 720.0 * t6);
    let de = easting - e0;
    let latitude = lat - vii * de.powi(2) + viii * de.powi(4) - ix * de.powi(6);
    let longitude = lon0 + x * de - xi * de.powi(3) + xii * de.powi(5) - xiia * de.powi(7);
    (longitude.to_degrees(), latitude.to_degrees())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The planning.data.gov.uk pipeline's boundary of England (digital-land-python wkt.py).
    const ENGLAND: [(f64, f64); 6] = [
        (2.95, 56.0),
        (2.95, 49.5),
        (-7.0, 49.5),
        (-7.0, 53.4),
        (-4.0, 53.4),
        (-4.0, 56.0),
    ];

    #[test]
    fn the_ordnance_survey_worked_example_converts() {
        // OS guide annex C worked example: E 651409.903, N 313177.270 is
        // 52°39'27.2531"N 1°43'4.5177"E on OSGB36.
        let (lon, lat) = osgb36_to_longitude_latitude(651_409.903, 313_177.270);
        assert!((lat - 52.657_570_3).abs() < 1e-6, "{lat}");
        assert!((lon - 1.717_921_6).abs() < 1e-6, "{lon}");
    }

    #[test]
    fn each_kind_of_pair_is_placed() {
        assert_eq!(place(-1.5, 52.5, &ENGLAND), Placement::Inside);
        let Placement::Converted { from, .. } = place(52.5, -1.5, &ENGLAND) else {
            panic!("swapped degrees")
        };
        assert_eq!(
            from,
            Reading {
                kind: Kind::Degrees,
                swapped: true
            }
        );
        let Placement::Converted { from, lon, lat } = place(384_705.31, 94_267.69, &ENGLAND) else {
            panic!("eastings")
        };
        assert_eq!(from.kind, Kind::EastingNorthing);
        assert!(!from.swapped);
        assert!(
            (lon + 2.22).abs() < 0.05 && (lat - 50.75).abs() < 0.05,
            "{lon} {lat}"
        );
        let Placement::Converted { from, .. } = place(180_000.0, 530_000.0, &ENGLAND) else {
            panic!("swapped eastings")
        };
        assert!(from.swapped);
        let Placement::Converted { from, .. } = place(-166_000.0, 6_880_000.0, &ENGLAND) else {
            panic!("mercator")
        };
        assert_eq!(from.kind, Kind::Mercator);
        // Paris, Belfast (cut out of the pipeline's boundary), and a number that is nothing.
        assert_eq!(
            place(2.35, 48.86, &ENGLAND),
            Placement::Outside(Kind::Degrees)
        );
        assert_eq!(
            place(-5.93, 54.6, &ENGLAND),
            Placement::Outside(Kind::Degrees)
        );
        assert_eq!(place(0.0, 500.0, &ENGLAND), Placement::Unknown);
        assert_eq!(place(f64::NAN, 52.0, &ENGLAND), Placement::Unknown);
    }
}
