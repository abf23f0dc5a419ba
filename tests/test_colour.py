"""When colour is used: NO_COLOR and FORCE_COLOR as their sites define them, a terminal otherwise."""

from __future__ import annotations

import io

import pytest

from checker import colour


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "environ, terminal, expected",
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # set but empty: as if unset (no-color.org)
        ({"FORCE_COLOR": "1"}, False, True),  # into a pipe too (force-color.org)
        ({"FORCE_COLOR": "0"}, False, True),  # any value that is not empty
        ({"FORCE_COLOR": ""}, False, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, True),  # force-color.org checks it last
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_colour_follows_no_color_force_color_and_the_terminal(environ, terminal, expected):
    stream = _Terminal() if terminal else io.StringIO()
    assert colour.enabled(stream, environ) is expected


def test_a_closed_stream_is_no_terminal():
    stream = io.StringIO()
    stream.close()
    assert colour.enabled(stream, {}) is False


def test_paint_wraps_text_in_its_style_and_leaves_unknown_styles_alone():
    assert colour.paint("error", "error") == "\x1b[1;31merror\x1b[0m"
    assert colour.paint("x", "no such style") == "x" and colour.paint("", "error") == ""
