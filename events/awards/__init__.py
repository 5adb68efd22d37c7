"""The World Social Progress Awards: the nomination form and the jury's forms (forms), the rules of
nominations, scoring and results (services), the page routes (views) and the jury's admin screens
(admin). The pages and records are in `events/models/awards.py`."""
