"""Shared test helpers: paths, the golden-file switch, and the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _hypothesis_profiles() -> None:
    """Property tests run a modest number of examples in CI; `--hypothesis-profile long`
    (or HYPOTHESIS_PROFILE=long) runs many more by hand. See docs/robustness.md."""
    import os

    from hypothesis import HealthCheck, settings

    quiet = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=quiet, print_blob=True)
    settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=quiet, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _test_environment(tmp_path_factory: pytest.TempPathFactory):
    """The environment every test starts from, restored afterwards:
    - the parsed-rules cache in a folder of the tests' own, out of the user's;
    - COLUMNS=80, so terminal tables (and the golden reports) have one width whatever runs them;
    - no FORCE_COLOR, so reports compare as plain text (tests about colour set it themselves)."""
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("CLAIM_CHECKER_CACHE_DIR", str(tmp_path_factory.mktemp("rule-cache")))
        environment.setenv("COLUMNS", "80")
        environment.delenv("FORCE_COLOR", raising=False)
        yield


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A rule cache folder of this test's own, with the cache switched on."""
    from checker.rulelang import cache as rule_cache

    folder = tmp_path / "cache"
    monkeypatch.setenv(rule_cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(rule_cache.NO_CACHE_ENV, raising=False)
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the expected reports beside the fixtures")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def fixture_cases() -> list[Path]:
    """Every fixture folder: one article (article.txt, article.md, article.html...) with its golden reports."""
    return sorted(p for p in FIXTURES.iterdir() if p.is_dir() and _articles(p))


def fixture_article(case: Path) -> Path:
    """The case's one article file, whatever its format."""
    articles = _articles(case)
    assert len(articles) == 1, f"{case} must hold exactly one article.*, found {[a.name for a in articles]}"
    return articles[0]


def _articles(case: Path) -> list[Path]:
    return sorted(p for p in case.glob("article.*") if p.is_file())


def shared_dir(name: str) -> Path:
    """A folder of ../shared, or skip the test with the reason."""
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the shared corpora are not beside this checkout")
    return path


@pytest.fixture(scope="session")
def analyzer():
    """The language pipeline, loaded once for the whole test session (checker.analysis caches it)."""
    from checker import analysis

    return analysis.load()
