// lint ran in the validate phase and failed the build with the located finding.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] db/sql/0002_users_email.up.sql:2:1: error [non-transactional-statement]')
assert log.contains('lint failed: 1 error(s)')
assert log.contains('BUILD FAILURE')
true
