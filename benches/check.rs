//! Check throughput on a generated spend file (the shape of `bench/gen_spend.py`'s output), with
//! the benchmark standard of `bench/`: row schema plus the transaction-number primary key; and on
//! a generated file of protected trees against the built-in `tree-preservation-order` standard
//! (WKT points and canopies, cross-field rules, unique references, code-list organisations).
//! Run with `cargo bench`; peers are compared by `scripts/bench-peers.sh`.

use std::io::Write;

use conform::check::{check_file, Options};
use conform::compile::compile;
use conform::read::Input;
use conform::standard::Standard;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const COUNCILS: &[(&str, &str)] = &[
    ("Devon County Council", "E10000008"),
    ("London Borough of Hackney", "E09000012"),
    ("Swansea Council", "W06000011"),
    ("Birmingham City Council", "E08000025"),
];

/// A spend file of `rows` rows, one in a thousand with an error.
fn generate(rows: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows * 220);
    out.extend_from_slice(b"Organisation name,Organisation code,Effective date,Service division,Expense area,Expense type,Supplier name,Supplier ID,Payment date,Transaction number,Net amount,Irrecoverable VAT,Purpose,Procurement category,Supplier postcode\n");
    for i in 0..rows {
        let (name, code) = COUNCILS[i % COUNCILS.len()];
        let day = i % 28 + 1;
        let payment = if i % 1000 == 7 {
            format!("{day:02}/05/2024")
        } else {
            format!("2024-05-{day:02}")
        };
        let amount = if i % 1000 == 500 {
            "\"1,234.56\"".to_string()
        } else {
            format!("{}.{:02}", 500 + i % 9000, i % 100)
        };
        let _ = writeln!(
            out,
            "{name},{code},2024-05-31,Regeneration,Economic Development,Grounds Maintenance,\"The \"\"Nursing\"\" Company LLP\",{:08},{payment},{},{amount},0.00,\"Spot purchase, May\",Professional Services,EX2 4QD",
            86_000_000 + i % 5000,
            5_100_000_000u64 + i as u64,
        );
    }
    out
}

fn bench_check(c: &mut Criterion) {
    let standard = Standard::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/bench/spend.standard.json"
    ))
    .expect("the benchmark standard loads");
    let table = &standard.tables[0];
    let compiled = compile(table).expect("compiles");
    let data = std::sync::Arc::new(generate(50_000));
    let input = Input::Memory {
        name: "bench.csv".into(),
        bytes: data.clone(),
    };
    let options = Options::default();
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.sample_size(20);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("threads");
        group.bench_function(format!("spend-50k-rows/{threads}-threads"), |b| {
            b.iter(|| {
                let report = pool
                    .install(|| check_file(&input, &standard.id, table, &compiled, &options))
                    .expect("checks");
                assert!(report.findings.len() >= 100);
            })
        });
    }
    group.finish();
}

/// A `tree` file of `rows` rows, one in a thousand with a point written as a number pair.
fn generate_trees(rows: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows * 260);
    out.extend_from_slice(b"reference,tree-preservation-order,point,geometry,uprn,address-text,organisation,start-date,entry-date\n");
    for i in 0..rows {
        let x = -1.5 + (i % 1000) as f64 / 1000.0;
        let y = 52.0 + (i % 777) as f64 / 1000.0;
        let point = if i % 1000 == 3 {
            format!("\"{y:.6}, {x:.6}\"")
        } else {
            format!("POINT ({x:.6} {y:.6})")
        };
        let _ = writeln!(
            out,
            "T{i},TPO{},{point},\"POLYGON (({x:.6} {y:.6}, {:.6} {y:.6}, {:.6} {:.6}, {x:.6} {y:.6}))\",{},{i} High Street,local-authority:NET,2019-0{}-01,2024-03-01",
            i % 500,
            x + 0.0001,
            x + 0.0001,
            y + 0.0001,
            100_000_000 + i,
            i % 9 + 1,
        );
    }
    out
}

fn bench_planning(c: &mut Criterion) {
    let standard = Standard::load("tree-preservation-order").expect("built-in");
    let table = standard.table("tree").expect("the tree table");
    let compiled = compile(table).expect("compiles");
    let data = std::sync::Arc::new(generate_trees(50_000));
    let input = Input::Memory {
        name: "bench.csv".into(),
        bytes: data.clone(),
    };
    let options = Options::default();
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.sample_size(20);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("threads");
    group.bench_function("trees-50k-rows/2-threads", |b| {
        b.iter(|| {
            let report = pool
                .install(|| check_file(&input, &standard.id, table, &compiled, &options))
                .expect("checks");
            assert_eq!(report.errors(), 50);
        })
    });
    group.finish();
}

criterion_group!(benches, bench_check, bench_planning);
criterion_main!(benches);
