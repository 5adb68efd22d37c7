"""Demo content for topics (called by community.demo)."""


def seed(context) -> None:
    pass
