"""Shared test configuration: hypothesis profiles (no deadlines: this machine is shared, noisy)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", deadline=None, max_examples=2000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def langdetect_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts that reach langdetect during the test (its cache is cleared first)."""
    from cleantext import langid

    calls: list[str] = []
    real = langid.detect_langs  # type: ignore[attr-defined]

    def spy(text: str) -> object:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(langid, "detect_langs", spy)
    langid.detect.cache_clear()
    return calls
