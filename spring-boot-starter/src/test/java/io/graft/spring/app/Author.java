package io.graft.spring.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Mapped onto the table the test changelog creates; Hibernate validates it ({@code ddl-auto=validate}). */
@Entity
public class Author {

    @Id
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
