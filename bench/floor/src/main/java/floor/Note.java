package floor;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** The floor's one table. */
@Entity
public class Note extends PanacheEntity {
    public String text;
}
