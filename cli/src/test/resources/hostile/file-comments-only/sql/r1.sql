-- nothing yet
/* still
 nothing */
