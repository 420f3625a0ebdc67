import os
from typing import Any, Iterable

ACROSS_ROWS: tuple[str, ...]
FINDINGS_SCHEMA: str
ROWS_A_CALL: int

class Result:
    findings: Any
    rows: int
    def __init__(self, findings: Any, rows: int) -> None: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    @property
    def valid(self) -> bool: ...

def check(
    df: Any,
    standard: str | os.PathLike[str],
    table: str | None = None,
    *,
    ignore: Iterable[str] = (),
    references: dict[str, Any] | None = None,
) -> Result: ...
