SELECT 1;
  \connect otherdb
