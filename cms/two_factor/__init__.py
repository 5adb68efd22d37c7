"""Two-factor authentication for staff, through django-otp: a TOTP app plus ten recovery codes.

* `services`: who must use it (`required`), setting up a device, checking a code, resetting.
* `middleware.TwoFactorMiddleware`: a staff member who has not passed the second factor in this
  session is sent from every admin page to set-up (first time) or verification.
* `views`: those two admin pages (registered in `cms.wagtail_hooks`). Attempts are counted by the
  site's one limiter (`cms.ratelimit`).
* `STAFF_TWO_FACTOR_REQUIRED = False` switches it off (the test settings do, for the admin tests).
"""
