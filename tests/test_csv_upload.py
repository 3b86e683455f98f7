"""Reading an uploaded CSV: a good file, and each kind of bad one, gets a clear sentence."""

from __future__ import annotations

import re

import numpy as np
import pytest

from studies.csv_upload import (
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_ROWS,
    UploadError,
    prepare,
    read_csv,
)
from ui.plain_text import WORD_JOINER, plain_markdown

GOOD = b"x1,x2,label,y\n1,2,a,3\n2,1,b,5\n3,5,a,4\n4,3,b,8\n5,4,c,9\n"


def test_a_good_file_gives_its_numeric_columns_and_a_note_on_the_text_one():
    table = read_csv(GOOD)
    assert table.names == ("x1", "x2", "y")
    np.testing.assert_array_equal(table.values[:, 2], [3, 5, 4, 8, 9])
    assert table.notes == ("Left out 1 non-numeric column(s): 'label'.",)
    ready = prepare(table, "y")
    assert ready.feature_names == ("x1", "x2") and ready.target.tolist() == [3, 5, 4, 8, 9]
    assert not ready.features.flags.writeable


def test_semicolons_tabs_a_byte_order_mark_and_spaces_are_read():
    for text in (
        "a;b\n1;2\n3;4\n5;7\n",
        "a\tb\n1\t2\n3\t4\n5\t7\n",
        "\ufeffa, b\n1, 2\n3, 4\n5, 7\n",
    ):
        table = read_csv(text.encode())
        assert table.names == ("a", "b"), text
        assert table.values.tolist() == [[1, 2], [3, 4], [5, 7]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"  \n\n ", "The file is empty."),
        (b"a,b\n", "header row but no data rows"),
        ("a,b\n1,caf\u00e9\n".encode("latin-1"), "is not UTF-8 text (byte 0xe9 at position 9"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not a CSV"),
        (b"a,b\n1,2\n3,4,5,6\n", "could not be read as a CSV table"),
        (b'a,b\n"1,2\n3,4\n', "could not be read as a CSV table"),
        (b"name,city\nann,paris\nbob,rome\n", "no numeric column"),
    ],
)
def test_each_bad_file_gets_a_sentence_naming_the_problem(content, message):
    with pytest.raises(UploadError, match=None) as caught:
        read_csv(content)
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_the_limits_are_enforced_with_their_numbers():
    with pytest.raises(UploadError, match="limit is 20 MB"):
        read_csv(b"a\n" + b"1\n" * (MAX_BYTES // 2))
    with pytest.raises(UploadError, match="more than 100,000 rows"):
        read_csv(b"a,b\n" + b"1,2\n" * (MAX_ROWS + 1))
    assert read_csv(b"a,b\n" + b"1,2\n" * MAX_ROWS).values.shape == (MAX_ROWS, 2)
    wide = ",".join(f"c{j}" for j in range(MAX_COLUMNS + 1)).encode() + b"\n"
    with pytest.raises(UploadError, match="201 numeric columns; the limit is 200"):
        read_csv(wide + b",".join([b"1"] * (MAX_COLUMNS + 1)) + b"\n")


def test_missing_values_and_infinities_drop_their_rows_with_a_note():
    table = read_csv(b"a,b,y\n1,,3\n2,5,NA\n3,4,5\n4,inf,6\n5,1,2\n6,2,9\n")
    ready = prepare(table, "y")
    assert ready.target.tolist() == [5, 2, 9]
    assert "Left out 3 of 6 rows with a missing or non-finite value (in 'b', 'y')." in ready.notes


def test_constant_columns_are_left_out_and_a_constant_target_refused():
    table = read_csv(b"a,k,y\n1,7,3\n2,7,5\n3,7,4\n")
    ready = prepare(table, "y")
    assert ready.feature_names == ("a",)
    assert "Left out 1 constant column(s): 'k'." in ready.notes
    with pytest.raises(UploadError, match="The target 'k' is constant"):
        prepare(table, "k")
    with pytest.raises(UploadError, match="Every feature is constant"):
        prepare(read_csv(b"k,y\n7,1\n7,2\n7,3\n"), "y")


def test_too_few_rows_one_column_and_an_unknown_target_are_refused():
    with pytest.raises(UploadError, match="Only 2 complete row"):
        prepare(read_csv(b"a,y\n1,2\n3,4\n"), "y")
    with pytest.raises(UploadError, match="only one numeric column"):
        prepare(read_csv(b"y\n1\n2\n3\n"), "y")
    with pytest.raises(UploadError, match="not one of the file's numeric columns"):
        prepare(read_csv(GOOD), "label")


def test_column_names_are_escaped_for_markdown():
    hostile = "<img src=x onerror=alert(1)> **bold** [link](http://x) `code` $x$"
    escaped = plain_markdown(hostile)
    assert re.search(r"(?<!\\)[<>\[\]()*`$]", escaped) is None  # each one backslashed
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == hostile  # reads the same
    table = read_csv(f"{hostile},y\n1,2\n2,3\n4,1\n".encode())
    assert table.names == (hostile, "y")  # kept as data, never rendered as markup
