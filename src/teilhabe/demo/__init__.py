"""Demo data: the programme "Prozessbegleitung Integration" with four funding rounds.

Everything is created through the services (applications, admission, processes,
blocks, consulting), so the demo obeys the same rules as real use and the process log
fills itself. One thing the services cannot do is patched afterwards with queryset
updates, and only there:

- Historic dates. The services stamp "now" (submission, decision, log entries) and
  `submit_application` accepts only rounds whose call is open today. Each round is
  therefore created with a call window that includes today, the applications are
  submitted, and then the round gets its real call dates and the timestamps are moved
  to the dates the story needs.

Dates of the running rounds are relative to today, so the demo always looks alive.

`builder` holds the builder and the historic rounds, `stories` the running round's
processes, `actors` their stakeholder lists, `selfcheck` the self-check rounds,
`content` the texts and base data.
"""
