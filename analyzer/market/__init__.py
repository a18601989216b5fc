"""Market data: local directories, online providers, trading calendars and measures."""
