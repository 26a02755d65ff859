// Build 1 (with -X): up and check with the settings.xml server's credentials.
// Build 2: up of a broken changelog fails with the failing statement's place.
def server = System.getenv('GRAFT_TEST_POSTGRES_URL')
def name = context.get('graftDatabase')
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[1/2] applied 0001_accounts')
    assert log.contains('Graft: changelog and database agree; 2 applied, nothing pending')
    assert !log.contains('it-secret-7d41c9') : 'the password of the settings.xml server was printed'

    assert log.contains('[1/2] applied 0001_ok')
    assert log.contains('broken/sql/0002_bad.up.sql:3:')
    assert log.contains('0002_bad')
    assert log.contains('BUILD FAILURE')

    int q = server.indexOf('?')
    def path = q < 0 ? server : server.substring(0, q)
    int slash = path.indexOf('/', path.indexOf('//') + 2)
    def url = (slash < 0 ? path + '/' : path.substring(0, slash + 1)) + name + (q < 0 ? '' : server.substring(q))
    def c = new org.postgresql.Driver().connect(url, new Properties())
    try {
        def rows = { sql -> def out = []; def rs = c.createStatement().executeQuery(sql); while (rs.next()) out << rs.getString(1); out }
        assert rows("SELECT id FROM graft_revisions ORDER BY id") == ['0001_accounts', '0002_transfers']
        assert rows("SELECT id FROM broken_revisions") == ['0001_ok']
        assert rows("SELECT table_name FROM information_schema.tables WHERE table_name IN ('accounts', 'transfers', 'ok') ORDER BY 1") == ['accounts', 'ok', 'transfers']
    } finally {
        c.close()
    }
} finally {
    def c = new org.postgresql.Driver().connect(server, new Properties())
    try {
        c.createStatement().execute('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)')
    } finally {
        c.close()
    }
}
true
