delimiter $$
create procedure q() begin select 1; end$$
delimiter ;
