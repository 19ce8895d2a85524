"""The SQLCipher vault: connection (key passed in as bytes), migrations, repositories."""
