"""Line and column for a report's locations, computed once per document."""

from __future__ import annotations

from dataclasses import dataclass

from checker.model import DocumentReport, Location
from checker.positions import LineIndex


@dataclass(frozen=True, slots=True)
class Placed:
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    @property
    def where(self) -> str:
        return f"{self.line}:{self.column}"


class Locator:
    def __init__(self, document_report: DocumentReport) -> None:
        self._index = LineIndex(document_report.document.text)

    def place(self, location: Location) -> Placed:
        line, column = self._index.line_col(location.span.start)
        end_line, end_column = self._index.line_col(location.span.end)
        return Placed(location.span.start, location.span.end, line, column, end_line, end_column, location.text)
