"""What blocks of kinds that later capabilities will serve can hold today.

Events (Beteiligungsveranstaltung), the integration concept and network meetings
get their own tools later. Until then their blocks say honestly that they record
date, results and documents, so nobody looks for planning tools that do not exist.
Keyed by the catalogue key, which stays the same across catalogue versions.
"""

from django.utils.translation import gettext_lazy as _

TODAY_NOTES = {
    "participation-event": _(
        "Here you can record the date, the results and the documents of the event. "
        "Planning the event itself – invitations, registrations, programme – is not "
        "part of the platform yet and will follow."
    ),
    "integration-concept": _(
        "Here you can record the dates, the results and the documents of the "
        "integration concept, for example the drafts and the adopted version. Writing "
        "the concept together on the platform will follow."
    ),
    "network-meeting": _(
        "Here you can record the date, the results and the documents of the network "
        "meeting, for example the minutes. Inviting the network and keeping its list "
        "of participants will follow."
    ),
}


def today_note(block_type_key: str | None) -> str:
    """The note for a block from the catalogue with this key, or an empty string."""
    return str(TODAY_NOTES.get(block_type_key or "", ""))
