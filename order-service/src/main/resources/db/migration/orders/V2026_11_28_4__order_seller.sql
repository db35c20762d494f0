-- The seller (电商企业, the exhibitor) of an order: one per order, as one customs order declares one.
alter table customer_order add column exhibitor_code varchar(40);
alter table customer_order add column exhibitor_customs_code varchar(18);
alter table customer_order add column exhibitor_name varchar(100);
update customer_order o
   set exhibitor_code = e.code, exhibitor_customs_code = e.customs_code, exhibitor_name = e.name_zh
  from order_line l join product p on p.sku = l.sku join exhibitor e on e.id = p.exhibitor_id
 where l.order_no = o.order_no and l.line_no = 1;
