// Three builds ran: validate + lint + up, up again + status, the offline script of a down + that down.
def log = new File(basedir, 'build.log').text
assert log.contains('Graft: changelog valid: 2 revisions, heads 0002_orders')
assert log.contains('[1/2] applied 0001_users')
assert log.contains('[2/2] applied 0002_orders')
assert log.contains('Graft: applied 2 revisions')
assert log.contains('Graft: nothing to do; current: 0002_orders')
assert log.contains('Pending:  none')

def script = new File(basedir, 'target/down.sql')
assert script.isFile()
assert script.text.contains('DROP TABLE orders;')
assert !script.text.contains('DROP TABLE users;')
assert log.contains('[1/1] reverted 0002_orders')

// The relative SQLite file is in the project's target folder, and down left 0001 applied.
def db = new File(basedir, 'target/app.db')
assert db.isFile()
def c = new org.sqlite.JDBC().connect('jdbc:sqlite:' + db.absolutePath, new Properties())
try {
    def tables = []
    def rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    while (rs.next()) tables << rs.getString(1)
    assert tables.contains('users')
    assert !tables.contains('orders')
    def ids = []
    rs = c.createStatement().executeQuery('SELECT id FROM graft_revisions')
    while (rs.next()) ids << rs.getString(1)
    assert ids == ['0001_users']
} finally {
    c.close()
}
true
