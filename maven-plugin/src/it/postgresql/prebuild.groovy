// A database of its own for this IT, on the server of GRAFT_TEST_POSTGRES_URL; its URL is handed
// to the builds as -Dgraft.url. verify.groovy drops it.
def server = System.getenv('GRAFT_TEST_POSTGRES_URL')
def name = 'graft_it_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def c = new org.postgresql.Driver().connect(server, new Properties())
try {
    c.createStatement().execute('CREATE DATABASE ' + name)
} finally {
    c.close()
}
int q = server.indexOf('?')
def path = q < 0 ? server : server.substring(0, q)
def query = q < 0 ? '' : server.substring(q)
int slash = path.indexOf('/', path.indexOf('//') + 2)
def url = (slash < 0 ? path + '/' : path.substring(0, slash + 1)) + name + query
context.put('graftDatabase', name)
context.get('userProperties').put('graft.url', url)
true
