-- nothing here yet

/* not even
   this; */
   
