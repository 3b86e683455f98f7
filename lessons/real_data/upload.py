"""A visitor's own table on the Real data page: read, fitted like the diabetes data, and said.

Streamlit-free: the page holds the result in that visitor's session (never on
disk, never in the link) and shows these sentences; here the bytes are read
(``studies.csv_upload``), the chosen column predicted from the others in
standard units, and every failure turned into one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from lessons.real_data.model import Fits, cross_validation, fit, standard_units
from studies.cross_validation import CVResult
from studies.csv_upload import MAX_COLUMNS, MAX_MB, MAX_ROWS, Table, UploadError, prepare, read_csv

MIN_ROWS_PER_FOLD = 3  # cross-validation needs this many complete rows in every fold

UPLOAD_HELP = (
    f"A CSV file with a header row, at most **{MAX_MB} MB**, **{MAX_ROWS:,} rows** and "
    f"**{MAX_COLUMNS} numeric columns**. Pick the column to predict; every other numeric "
    "column is a feature, standardised like the diabetes data. Non-numeric columns are left "
    "out (with a note), so are rows with a missing value and constant columns. The file "
    "stays in this browser session only: it is never written to disk or put in the link, "
    "and a reload forgets it."
)


@dataclass(frozen=True)
class UploadRead:
    """An uploaded file, read: its numeric table, or the sentence saying why not."""

    table: Table | None = None
    error: str | None = None


@dataclass(frozen=True)
class UploadFit:
    """A visitor's table fitted for one target column, or the sentence saying why not.

    Attributes
    ----------
    notes : tuple of str
        What was left out of the table, in words (shown even when the fit fails).
    error : str or None
        Why no fit was made.
    fits : Fits or None
        The exact lasso path and the ridge and elastic-net solutions on ``GRID``.
    cv : CVResult or None
        The lasso's K-fold CV; None when the table has too few rows for the folds.
    rows : int
        Complete rows used.
    """

    notes: tuple[str, ...] = ()
    error: str | None = None
    fits: Fits | None = None
    cv: CVResult | None = None
    rows: int = 0


def read_upload(content: bytes) -> UploadRead:
    """The uploaded bytes as a numeric table, or the one sentence that says what is wrong."""
    try:
        return UploadRead(table=read_csv(content))
    except UploadError as error:
        return UploadRead(error=str(error))


def fit_upload(table: Table, target: str, alpha: float, folds: int, seed: int) -> UploadFit:
    """Fit ``target`` from the table's other columns, like the diabetes designs (uncached).

    Parameters
    ----------
    table : Table
        The visitor's numeric table (``read_upload``).
    target : str
        The column to predict.
    alpha : float
        The elastic net's L1 share.
    folds, seed : int
        K of the lasso's K-fold cross-validation, and the seed of its split.
    """
    try:
        prepared = prepare(table, target)
    except UploadError as error:
        return UploadFit(notes=table.notes, error=str(error))
    data = standard_units(prepared.features, prepared.target, prepared.feature_names)
    rows = len(data.y)
    enough = rows >= MIN_ROWS_PER_FOLD * folds
    cv = cross_validation(data, 1.0, folds, seed) if enough else None
    return UploadFit(notes=prepared.notes, fits=fit(data, alpha), cv=cv, rows=rows)


def file_error(file_name: str, error: str) -> str:
    """Why the file ``file_name`` could not be read."""
    return f"{file_name}: {error}"


def upload_heading(result: UploadFit) -> str:
    """The bold line over the visitor's paths: rows and features (markdown)."""
    return f"**{result.rows:,} rows, {result.fits.p} features.** "


def upload_paths_title(fits: Fits) -> str:
    """What the paths figure of the visitor's table calls its data."""
    return f"Your data, {fits.p} features"


def cv_warning(folds: int, rows: int) -> str:
    """Why the visitor's table gets no cross-validation."""
    return (
        f"Cross-validation needs at least {MIN_ROWS_PER_FOLD} rows per fold: "
        f"{MIN_ROWS_PER_FOLD * folds} rows for {folds} folds; the file has {rows} complete rows."
    )
