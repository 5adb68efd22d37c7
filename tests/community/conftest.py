import pytest

from community.factories import MemberProfileFactory, ParticipantFactory


@pytest.fixture
def participant(db):
    """A logged-out participant account with a public profile (password: correct-horse-battery)."""
    return MemberProfileFactory(user=ParticipantFactory()).user


@pytest.fixture
def other_participant(db):
    return MemberProfileFactory(user=ParticipantFactory(region="142")).user


@pytest.fixture
def fresh_rate_limits():
    """Rate limits are counted in the cache, which outlives a test: each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files (profile photos) go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
