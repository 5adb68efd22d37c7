"""Demo content for consultations (called by community.demo)."""


def seed(context) -> None:
    pass
