package io.graft.samples.library;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small Spring Boot + JPA application. Graft's starter migrates the database at start-up, before
 * Hibernate validates the entities against it; then this prints what the library holds and ends.
 */
@SpringBootApplication
public class LibraryApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibraryApplication.class, args);
    }

    @Bean
    CommandLineRunner report(BookRepository books) {
        return args -> System.out.println("library: " + books.count() + " books: "
                + books.findAllByOrderByTitle().stream().map(b -> b.getTitle() + " by " + b.getAuthor().getName()).toList());
    }
}
