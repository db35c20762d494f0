-- Demo reference data: three E-Expo exhibitors and the places their goods are held. Idempotent (upserts).
insert into exhibitor (code, name_zh, name_en, customs_code, credit_code, country, hall, booth) values
    ('rhein-main', '莱茵美因国际贸易（郑州）有限公司', 'Rhein-Main Trading (Zhengzhou) Co., Ltd.', '4101964A01', '91410100MA9F3K2X1B', 'DE', 'A', 'A-101'),
    ('southern-cross', '南十字星健康美妆（河南）有限公司', 'Southern Cross Health & Beauty (Henan) Co., Ltd.', '4101964B02', '91410100MA9G7R5Q2C', 'AU', 'B', 'B-208'),
    ('sakura-living', '樱花生活跨境电商（郑州）有限公司', 'Sakura Living Cross-border (Zhengzhou) Co., Ltd.', '4101964C03', '91410100MA9H2T8W3D', 'JP', 'C', 'C-315')
on conflict (code) do update set
    name_zh = excluded.name_zh, name_en = excluded.name_en, customs_code = excluded.customs_code,
    credit_code = excluded.credit_code, country = excluded.country, hall = excluded.hall, booth = excluded.booth;

insert into warehouse (code, kind, name_zh, name_en, customs_code, area_code, area_name, ems_no) values
    ('HNBLC', 'BONDED', '河南保税物流中心', 'Henan Bonded Logistics Center', '4600', '4101660001', '河南保税物流中心仓储有限公司', 'T4600W000126'),
    ('XZCBZ', 'BONDED', '新郑综合保税区', 'Xinzheng Comprehensive Bonded Zone', '4612', '4101630002', '郑州新区综保仓储有限公司', 'T4612W000311'),
    ('FRA-AIR', 'OVERSEAS', '法兰克福空运集货仓', 'Frankfurt air consolidation', '4604', null, null, null),
    ('SYD-AIR', 'OVERSEAS', '悉尼空运集货仓', 'Sydney air consolidation', '4604', null, null, null),
    ('NRT-AIR', 'OVERSEAS', '东京成田空运集货仓', 'Tokyo Narita air consolidation', '4604', null, null, null)
on conflict (code) do update set
    kind = excluded.kind, name_zh = excluded.name_zh, name_en = excluded.name_en, customs_code = excluded.customs_code,
    area_code = excluded.area_code, area_name = excluded.area_name, ems_no = excluded.ems_no;
