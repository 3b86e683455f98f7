"""An uploaded CSV, read and checked: bytes in, a numeric table or one clear message out.

Everything a visitor's file can get wrong ends in ``UploadError`` with a
sentence that names the problem (never a traceback): an empty file, one over
the limits, bytes that are not UTF-8 text, text that is not a table, no
numeric column to predict. What can be repaired is repaired, and said in a
note: non-numeric columns are left out, rows with a missing value in the
columns used are left out, constant features are left out.

Nothing here writes anywhere: the bytes are parsed in memory. Column names
are the visitor's text; the page shows them escaped (``ui.plain_text``) or in
code and table elements, never as markdown or HTML.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "MAX_BYTES",
    "MAX_COLUMNS",
    "MAX_MB",
    "MAX_ROWS",
    "Prepared",
    "Table",
    "UploadError",
    "prepare",
    "read_csv",
]

MAX_MB = 20
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200  # numeric columns, the target included
_SHOWN = 5  # names listed in a note before "and n more"
_MISSING = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"]


class UploadError(ValueError):
    """The file cannot be used; the message says why, in a sentence for the visitor."""


@dataclass(frozen=True)
class Table:
    """The numeric columns of a CSV (NaN where a value is missing) and what was left out."""

    names: tuple[str, ...]
    values: np.ndarray  # (rows, columns) float64, read-only; NaN = missing
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Prepared:
    """The rows and columns one fit uses: features and target, complete and non-constant."""

    features: np.ndarray  # (n, p), raw units, read-only
    target: np.ndarray  # (n,)
    feature_names: tuple[str, ...]
    target_name: str
    notes: tuple[str, ...]


def _listed(names: list[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:_SHOWN])
    return shown + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")


def _decode(content: bytes) -> str:
    if b"\x00" in content[:65536]:
        raise UploadError("The file contains NUL bytes: it is a binary file, not a CSV text file.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UploadError(
            f"The file is not UTF-8 text (byte 0x{content[error.start]:02x} at position "
            f"{error.start:,} cannot be decoded). Save it as “CSV UTF-8” and upload it again."
        ) from None


def _delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def read_csv(content: bytes) -> Table:
    """Parse an uploaded CSV (header row first) into its numeric columns.

    Parameters
    ----------
    content : bytes
        The file as uploaded.

    Returns
    -------
    Table
        Numeric columns only; the notes name the columns left out.

    Raises
    ------
    UploadError
        Empty, over 20 MB, over 100,000 rows or 200 numeric columns, not
        UTF-8, not a table, or no numeric column.
    """
    if not isinstance(content, bytes | bytearray):
        raise UploadError("The upload did not arrive as a file.")
    if len(content) > MAX_BYTES:
        raise UploadError(f"The file is {len(content) / 1024**2:.1f} MB; the limit is {MAX_MB} MB.")
    text = _decode(bytes(content))
    if not text.strip():
        raise UploadError("The file is empty.")
    try:
        frame = pd.read_csv(  # numbers parsed by pandas' C reader; text columns stay objects
            io.StringIO(text),
            sep=_delimiter(text),
            nrows=MAX_ROWS + 1,
            skipinitialspace=True,
            na_values=_MISSING,
            keep_default_na=False,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise UploadError(f"The file could not be read as a CSV table: {first}") from None
    if len(frame) > MAX_ROWS:
        raise UploadError(f"The file has more than {MAX_ROWS:,} rows; the limit is {MAX_ROWS:,}.")
    if len(frame) == 0:
        raise UploadError("The file has a header row but no data rows.")
    names, columns, text_columns = [], [], []
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_bool_dtype(column):  # True/False: not a measurement
            text_columns.append(str(name))
            continue
        if not pd.api.types.is_numeric_dtype(column):  # text somewhere: spaces, or words
            raw = column.astype(str).str.strip()
            missing = column.isna() | raw.isin(_MISSING)
            numbers = pd.to_numeric(raw.where(~missing), errors="coerce")
            if numbers.isna().sum() > missing.sum():  # a value neither number nor missing
                text_columns.append(str(name))
                continue
            column = numbers
        values = column.to_numpy(dtype=np.float64, copy=True)
        values[~np.isfinite(values)] = np.nan  # "inf" is no measurement either
        names.append(str(name))
        columns.append(values)
    if not names:
        raise UploadError("The file has no numeric column: nothing to predict or to predict from.")
    if len(names) > MAX_COLUMNS:
        raise UploadError(f"The file has {len(names)} numeric columns; the limit is {MAX_COLUMNS}.")
    notes = []
    if text_columns:
        notes.append(
            f"Left out {len(text_columns)} non-numeric column(s): {_listed(text_columns)}."
        )
    values = np.column_stack(columns)
    values.setflags(write=False)
    return Table(tuple(names), values, tuple(notes))


def prepare(table: Table, target: str, min_rows: int = 3) -> Prepared:
    """The complete rows and usable columns for predicting ``target`` from the other columns.

    Rows with a missing value in any used column are left out; then constant
    features are left out (they cannot be standardised and carry nothing).

    Raises
    ------
    UploadError
        If ``target`` is not a numeric column, no feature is left, the target
        is constant, or fewer than ``min_rows`` complete rows remain.
    """
    if target not in table.names:
        raise UploadError(f"{target!r} is not one of the file's numeric columns.")
    if len(table.names) < 2:
        raise UploadError(
            "The file has only one numeric column: the target needs at least one feature."
        )
    notes = list(table.notes)
    complete = np.all(np.isfinite(table.values), axis=1)
    if not np.all(complete):
        holes = [
            n for n, col in zip(table.names, table.values.T, strict=True) if np.isnan(col).any()
        ]
        notes.append(
            f"Left out {np.count_nonzero(~complete):,} of {complete.size:,} rows with a missing "
            f"or non-finite value (in {_listed(holes)})."
        )
    rows = table.values[complete]
    if len(rows) < min_rows:
        raise UploadError(
            f"Only {len(rows)} complete row(s) (without missing values); at least {min_rows} "
            "are needed."
        )
    which = table.names.index(target)
    y = rows[:, which].copy()
    if np.ptp(y) == 0.0:
        raise UploadError(f"The target {target!r} is constant: there is nothing to predict.")
    others = [j for j in range(len(table.names)) if j != which]
    constant = [table.names[j] for j in others if np.ptp(rows[:, j]) == 0.0]
    keep = [j for j in others if np.ptp(rows[:, j]) > 0.0]
    if constant:
        notes.append(f"Left out {len(constant)} constant column(s): {_listed(constant)}.")
    if not keep:
        raise UploadError("Every feature is constant: there is nothing to predict from.")
    X = rows[:, keep].copy()
    for array in (X, y):
        array.setflags(write=False)
    return Prepared(X, y, tuple(table.names[j] for j in keep), target, tuple(notes))
