package io.graft.spring.app;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** What an application's main class gives JPA: the package its entities are scanned from. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class JpaApp {
}
