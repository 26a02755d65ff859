-- mysqldump-style executable comments: statements that are only a /*! ... */ comment, and comments inside statements.
/*!40101 SET @OLD_SQL_MODE = @@SQL_MODE */;
/*!40101 SET SQL_MODE = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION' */;
/*!40014 SET @OLD_UNIQUE_CHECKS = @@UNIQUE_CHECKS, UNIQUE_CHECKS = 0 */;
CREATE TABLE /*!32312 IF NOT EXISTS*/ dumped (
    id INT NOT NULL,
    v VARCHAR(20) DEFAULT '/*!not; executable*/',
    PRIMARY KEY (id)
) ENGINE=InnoDB /*!50100 PARTITION BY HASH (id) PARTITIONS 2 */;
/*M!100101 SET @mariadb_only = 'yes; it is' */;
DELIMITER ;;
/*!50003 CREATE*/ /*!50003 TRIGGER dumped_bi BEFORE INSERT ON dumped FOR EACH ROW BEGIN
    IF NEW.v IS NULL THEN SET NEW.v = 'filled;'; END IF;
END */;;
DELIMITER ;
/*!40101 SET SQL_MODE = @OLD_SQL_MODE */;
/*!40014 SET UNIQUE_CHECKS = @OLD_UNIQUE_CHECKS */;
INSERT /*! IGNORE */ INTO dumped (id) VALUES (1), (1);
