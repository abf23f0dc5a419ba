"""A few stray control characters are read as spaces and noted (CC904); mostly controls is binary."""

from __future__ import annotations

import json

import checker
from checker.cli import main

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
FILLER = "The weather in Istanbul was mild, and the delegations met in the palace.\n"


def test_a_stray_nul_from_a_cms_is_checked_with_a_note_saying_where(tmp_path, capsys):
    article = tmp_path / "pasted.txt"
    article.write_bytes(f"{FILLER}\n{CONFLICT}".replace("mild,", "mild,\x00").encode())
    assert main(["audit", str(article), "--format", "json", "--no-config"]) == 1
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    codes = [f["code"] for f in document["findings"]]
    assert "CC101" in codes  # the rest of the article was checked
    (note,) = [f for f in document["findings"] if f["code"] == "CC904"]
    assert note["severity"] == "note"
    assert "a control character, read as spaces (U+0000 at 1:34)" in note["message"]


def test_the_note_lists_each_place_and_counts_the_rest():
    text = FILLER + "".join(f"Line {n}\x01.\n" for n in range(8)) + CONFLICT
    (note,) = [f for f in checker.audit_text(text).documents[0].findings if f.code == "CC904"]
    assert "8 control characters" in note.message and "U+0001 at 2:7" in note.message and "and 3 more" in note.message


def test_a_control_character_does_not_join_or_split_the_words_around_it():
    report = checker.audit_text("The 3rd round\x00has concluded. Delegates are preparing for the third round.")
    findings = report.documents[0].findings
    assert "CC101" in [f.code for f in findings]  # 'round has concluded' still read as a status
    assert report.documents[0].document.text.count("\x00") == 1  # the source is kept as it is


def test_a_file_of_mostly_nuls_is_still_refused_as_binary(tmp_path, capsys):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"The talks\x00" + b"\x00" * 50 + b"ended.")
    assert main(["audit", str(blob), "--no-config"]) == 3
    assert "looks binary (51 control characters in 66, the first U+0000 at 1:10)" in capsys.readouterr().err


def test_utf16_detection_stays(tmp_path, capsys):
    no_bom = tmp_path / "utf16.txt"
    no_bom.write_bytes(CONFLICT.encode("utf-16-le"))
    assert main(["audit", str(no_bom), "--no-config"]) == 3
    assert "looks like UTF-16-LE without a byte order mark" in capsys.readouterr().err
    with_bom = tmp_path / "bom.txt"
    with_bom.write_bytes(("\ufeff" + CONFLICT.replace("concluded.", "concluded.\x00")).encode("utf-16-le"))
    assert main(["audit", str(with_bom), "--no-config", "--format", "json"]) == 1
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["documents"][0]["findings"]]
    assert "CC101" in codes and "CC904" in codes
