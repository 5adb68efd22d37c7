"""Demo content for members (called by community.demo)."""


def seed(context) -> None:
    pass
