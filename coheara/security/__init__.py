"""The key hierarchy: a random data key wrapped by the OS keyring, a passphrase and a recovery key."""
