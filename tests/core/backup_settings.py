"""Settings for the backup tests' subprocesses: the project's, with a fast hasher.

The demo creates a dozen accounts; with the production hasher that alone takes
seconds on a busy machine. Nothing else differs from `teilhabe.settings`.
"""

from teilhabe.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
