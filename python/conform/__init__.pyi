import os
from typing import Any, Iterable, Sequence, Union

__version__: str
DEFAULT_MAX_FINDINGS: int
FINDING_COLUMNS: tuple[str, ...]

_Path = Union[str, os.PathLike[str]]
Source = Union[_Path, bytes, bytearray, memoryview, Sequence[_Path]]

class ConformError(Exception): ...

class Finding(dict[str, Any]):
    def __getattr__(self, name: str) -> Any: ...

class Report:
    exit_code: int
    unreadable: list[tuple[str, str]]
    def __init__(self, exit_code: int, text: str, unreadable: list[tuple[str, str]]) -> None: ...
    @property
    def valid(self) -> bool: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    @property
    def standard(self) -> dict[str, Any] | None: ...
    @property
    def files(self) -> list[dict[str, Any]]: ...
    @property
    def findings(self) -> list[Finding]: ...
    def to_json(self) -> str: ...
    def to_polars(self) -> Any: ...
    def to_pandas(self) -> Any: ...

def check(
    source: Source,
    standard: _Path | None = None,
    table: str | None = None,
    *,
    name: str | None = None,
    sheet: str | None = None,
    input_format: str | None = None,
    ignore: Iterable[str] = (),
    max_findings: int | None = ...,
    strict: bool = False,
    jobs: int | None = None,
    lang: str | None = None,
) -> Report: ...
def check_frame(
    frame: Any,
    standard: _Path | None = None,
    table: str | None = None,
    *,
    name: str = "<frame>",
    ignore: Iterable[str] = (),
    max_findings: int | None = ...,
    strict: bool = False,
    jobs: int | None = None,
    lang: str | None = None,
) -> Report: ...
def standards() -> list[dict[str, Any]]: ...
def standard(spec: _Path) -> dict[str, Any]: ...
def codes() -> list[dict[str, str]]: ...
