/*!40101 SET NAMES utf8mb4 */;
/* plain comment; dropped */
/*!40014 SET FOREIGN_KEY_CHECKS=0 */;
