"""World Social Progress Day: the endorsement form (forms), the endorsement rules, counts and the
press room's scheduled declarations (services), the page routes (views), the declaration as a PDF
(declaration_pdf) and the endorsements' admin screen (admin). The pages are in
`events/models/day.py`."""
