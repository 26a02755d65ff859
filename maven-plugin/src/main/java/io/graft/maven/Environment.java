package io.graft.maven;

/** The process environment, behind an interface so that tests can give their own. */
@FunctionalInterface
interface Environment {

    Environment SYSTEM = System::getenv;

    String get(String name);
}
