/* Down migrations are not available. */
-- see the release notes
