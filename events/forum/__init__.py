"""The World Social Progress Forum: registration (forms, services), the page routes (views),
iCalendar files (ics) and the registrations' admin screen (admin). The pages are in
`events/models/forum.py`."""
