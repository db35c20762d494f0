-- Catalog: who sells, where goods are stored, what may be sold, and the products themselves.
-- Migrations are versioned by date so that every module can add its own without colliding.

create table exhibitor (
    id              bigint generated always as identity primary key,
    code            varchar(40)  not null unique,
    name_zh         varchar(200) not null,
    name_en         varchar(200) not null,
    customs_code    varchar(10)  not null unique,  -- 海关注册编码 (ebcCode)
    credit_code     varchar(18)  not null unique,  -- 统一社会信用代码
    country         char(2)      not null,
    hall            varchar(40),
    booth           varchar(40),
    created_at      timestamptz  not null default now()
);

-- A place goods are held: a bonded area (1210) or an overseas consolidation point (9610).
create table warehouse (
    code            varchar(20)  primary key,
    kind            varchar(10)  not null check (kind in ('BONDED', 'OVERSEAS')),
    name_zh         varchar(200) not null,
    name_en         varchar(200) not null,
    customs_code    char(4)      not null,          -- 关区 of declaration / entry port
    area_code       varchar(18),                    -- 区内仓储企业代码 (1210)
    area_name       varchar(100),
    ems_no          varchar(30),                    -- 账册编号 (1210)
    check (kind = 'OVERSEAS' or (area_code is not null and ems_no is not null))
);

create table category (
    code            varchar(40)  primary key,
    parent_code     varchar(40)  references category (code),
    name_zh         varchar(100) not null,
    name_en         varchar(100) not null,
    position        int          not null default 0
);

-- 跨境电子商务零售进口商品清单: kept as a table operators maintain.
create table positive_list_entry (
    hs_code         char(10)     primary key check (hs_code ~ '^[0-9]{10}$'),
    description_zh  varchar(200) not null,
    list_edition    varchar(40)  not null,
    added_at        timestamptz  not null default now()
);

create table product (
    sku                   varchar(40)   primary key,
    exhibitor_id          bigint        not null references exhibitor (id),
    category_code         varchar(40)   not null references category (code),
    brand                 varchar(100)  not null,
    brand_zh              varchar(100)  not null,
    name_zh               varchar(250)  not null,
    name_en               varchar(250)  not null,
    description_zh        text          not null default '',
    description_en        text          not null default '',
    hs_code               char(10)      not null check (hs_code ~ '^[0-9]{10}$'),
    origin_country        char(3)       not null check (origin_country ~ '^[0-9]{3}$'),
    customs_unit          char(3)       not null check (customs_unit ~ '^[0-9]{3}$'),
    legal_unit            char(3)       not null check (legal_unit ~ '^[0-9]{3}$'),
    legal_qty             numeric(14,4) not null check (legal_qty > 0),
    net_weight_kg         numeric(12,3) not null check (net_weight_kg > 0),
    gross_weight_kg       numeric(12,3) not null check (gross_weight_kg >= net_weight_kg),
    price_fen             bigint        not null check (price_fen > 0),
    vat_rate              numeric(5,4)  not null check (vat_rate >= 0 and vat_rate < 1),
    consumption_tax_rate  numeric(5,4)  not null check (consumption_tax_rate >= 0 and consumption_tax_rate < 1),
    tariff_rate           numeric(5,4)  not null check (tariff_rate >= 0 and tariff_rate < 1),
    trade_mode            char(4)       not null check (trade_mode in ('1210', '9610')),
    warehouse_code        varchar(20)   not null references warehouse (code),
    item_record_no        varchar(30),                          -- 账册备案料号 (1210)
    barcode               varchar(50),
    image_url             varchar(500),
    status                varchar(10)   not null default 'LISTED' check (status in ('DRAFT', 'LISTED', 'DELISTED')),
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    check (trade_mode = '9610' or item_record_no is not null)
);
create index product_exhibitor_idx on product (exhibitor_id);
create index product_category_idx on product (category_code);
create index product_updated_idx on product (updated_at);

create table stock (
    sku             varchar(40)  not null references product (sku),
    warehouse_code  varchar(20)  not null references warehouse (code),
    on_hand         int          not null check (on_hand >= 0),
    reserved        int          not null default 0 check (reserved >= 0 and reserved <= on_hand),
    primary key (sku, warehouse_code)
);

insert into category (code, parent_code, name_zh, name_en, position) values
    ('maternal-infant', null, '母婴', 'Mother & baby', 1),
    ('beauty', null, '美妆', 'Beauty', 2),
    ('health', null, '营养保健', 'Health', 3),
    ('drinks', null, '酒水', 'Wine & drinks', 4),
    ('food', null, '进口食品', 'Food', 5),
    ('home', null, '家居厨具', 'Home & kitchen', 6),
    ('personal-care', null, '个人护理', 'Personal care', 7),
    ('infant-formula', 'maternal-infant', '婴幼儿奶粉', 'Infant formula', 1),
    ('diapers', 'maternal-infant', '纸尿裤', 'Diapers', 2),
    ('skincare', 'beauty', '护肤', 'Skincare', 1),
    ('makeup', 'beauty', '彩妆', 'Makeup', 2),
    ('fragrance', 'beauty', '香水', 'Fragrance', 3),
    ('supplements', 'health', '营养补充剂', 'Supplements', 1),
    ('wine', 'drinks', '葡萄酒', 'Wine', 1),
    ('sparkling', 'drinks', '起泡酒', 'Sparkling wine', 2),
    ('chocolate', 'food', '巧克力', 'Chocolate', 1),
    ('snacks', 'food', '休闲零食', 'Snacks', 2),
    ('nuts', 'food', '坚果', 'Nuts', 3),
    ('kitchenware', 'home', '厨具', 'Kitchenware', 1),
    ('oral-care', 'personal-care', '口腔护理', 'Oral care', 1),
    ('hair-care', 'personal-care', '洗护发', 'Hair care', 2),
    ('body-care', 'personal-care', '身体护理', 'Body care', 3);

-- The HS codes the demo catalog sells under; operators extend this table as the list is revised.
insert into positive_list_entry (hs_code, description_zh, list_edition) values
    ('1901101000', '供婴幼儿食用的零售包装配方奶粉', '2022'),
    ('9619001100', '婴儿尿裤', '2022'),
    ('3304990099', '其他美容品或化妆品及护肤品', '2022'),
    ('3304100091', '唇用化妆品', '2022'),
    ('3304910000', '粉，不论是否压紧', '2022'),
    ('3303000000', '香水及花露水', '2022'),
    ('2106909090', '其他编号未列名的食品', '2022'),
    ('1504200090', '其他鱼油及其分离品', '2022'),
    ('2204210000', '小包装的鲜葡萄酿造的酒', '2022'),
    ('2204100000', '起泡葡萄酒', '2022'),
    ('1806320000', '其他块状或条状的巧克力（未夹心）', '2022'),
    ('1806900000', '其他含可可的食品', '2022'),
    ('1905310000', '甜饼干', '2022'),
    ('2005200000', '非醋方法制作或保藏的未冷冻马铃薯', '2022'),
    ('1904100000', '谷物经膨化或烘炒制成的食品', '2022'),
    ('0802120000', '鲜或干的去壳扁桃仁', '2022'),
    ('0802620000', '鲜或干的去壳马卡达姆坚果', '2022'),
    ('2008199900', '其他方法制作或保藏的其他坚果及其他子仁', '2022'),
    ('7323930000', '不锈钢制餐桌、厨房或其他家用器具', '2022'),
    ('7323940000', '钢铁制，已搪瓷的餐桌、厨房或其他家用器具', '2022'),
    ('8211910000', '刃面固定的餐刀', '2022'),
    ('9617001100', '保温瓶', '2022'),
    ('7013490000', '其他玻璃制餐桌或厨房用器皿', '2022'),
    ('3924100000', '塑料制餐具及厨房用具', '2022'),
    ('8509809000', '其他家用电动器具', '2022'),
    ('3306101000', '牙膏', '2022'),
    ('3305100000', '洗发剂（香波）', '2022'),
    ('3305900000', '其他护发品', '2022'),
    ('3401300000', '洗肤用的有机表面活性产品及制剂', '2022');
