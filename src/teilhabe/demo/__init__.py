"""Demo data: the programme "Prozessbegleitung Integration" with four funding rounds.

The content is data: `data/*.yaml`, one file per municipality's story plus the shared
base (`data/README.md` tells how to change them). `loader` reads and checks the files,
`builder` tells the stories through the services (applications, admission, processes,
blocks, consulting), `actors` and `selfcheck` add the actor lists and self-check rounds.
So the demo obeys the same rules as real use and the process log fills itself.

Dates of the running rounds are relative to today, so the demo always looks alive.
The past is told as it happened: every service call is given the moment of its action
(`now=`, on the day the files name), so nothing is rewritten afterwards.
"""
