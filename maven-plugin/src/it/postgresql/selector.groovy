// Runs where a PostgreSQL server is named; where GRAFT_TEST_REQUIRE names postgresql (CI), its
// absence is an error rather than a skip.
def url = System.getenv('GRAFT_TEST_POSTGRES_URL')
if (url) {
    return true
}
if ((System.getenv('GRAFT_TEST_REQUIRE') ?: '').toLowerCase().contains('postgresql')) {
    throw new IllegalStateException('GRAFT_TEST_POSTGRES_URL is not set but GRAFT_TEST_REQUIRE names postgresql')
}
return false
