package cn.eexpo.catalog.synthetic;

import cn.eexpo.catalog.synthetic.Vocabulary.Category;
import cn.eexpo.catalog.synthetic.Vocabulary.RealBrand;
import cn.eexpo.catalog.synthetic.Vocabulary.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The brands synthetic products carry: the demo catalog's real brands first (the most popular in their categories),
 * then invented ones with transliterated Chinese names, about {@value #PER_WEIGHT_POINT} per percent of the catalog a
 * category holds. Popularity within a category follows Zipf's law, so a few brands hold most products and a long tail
 * holds a handful each. Fixed: the same brands for every seed.
 */
final class Brands {

    static final int PER_WEIGHT_POINT = 20;
    private static final double ZIPF_EXPONENT = 1.0;
    private static final long SEED = 0x5EED_B4A2_D5L;

    /**
     * @param tier price multiplier (luxury above 1)
     */
    record Brand(String en, String zh, String origin, double tier) {}

    /** Latin syllables and the Chinese characters they are transliterated with. */
    private static final String[][] STARTS = {
        {"Al", "阿"}, {"Bel", "贝"}, {"Cal", "卡"}, {"Dor", "多"}, {"El", "艾"}, {"Fio", "菲"}, {"Gra", "格"},
        {"Hel", "海"}, {"Ivo", "伊"}, {"Jor", "乔"}, {"Kal", "凯"}, {"Lu", "露"}, {"Mar", "玛"}, {"Nor", "诺"},
        {"Or", "奥"}, {"Pal", "帕"}, {"Que", "奎"}, {"Ros", "罗"}, {"Sel", "塞"}, {"Tor", "托"}, {"Ul", "乌"},
        {"Val", "瓦"}, {"Wen", "温"}, {"Xan", "赞"}, {"Yor", "约"}, {"Zel", "泽"}, {"Ber", "伯"}, {"Cor", "科"},
        {"Dal", "达"}, {"Fen", "芬"}, {"Gil", "吉"}, {"Har", "哈"}, {"Lan", "兰"}, {"Mil", "米"}, {"Nat", "纳"},
        {"Pri", "普"}, {"Ril", "瑞"}, {"Sol", "索"}, {"Tal", "塔"}, {"Vin", "文"}, {"Wil", "威"}, {"Aur", "奥"},
        {"Cle", "克"}, {"Ev", "伊"}, {"Lis", "丽"}, {"Mon", "蒙"}, {"Sen", "森"}, {"Tia", "蒂"}, {"Bri", "布"},
        {"Ken", "肯"}, {"Lor", "洛"}, {"Mer", "梅"}, {"Nev", "内"}, {"Ot", "欧"}, {"Sak", "萨"}
    };

    private static final String[][] MIDDLES = {
        {"", ""},
        {"", ""},
        {"", ""},
        {"an", "安"},
        {"er", "尔"},
        {"i", "伊"},
        {"o", "欧"},
        {"el", "埃"},
        {"ar", "亚"},
        {"en", "恩"},
        {"is", "斯"}
    };

    private static final String[][] ENDS = {
        {"a", "雅"}, {"ia", "娅"}, {"ora", "拉"}, {"elle", "尔"}, {"ix", "克斯"}, {"on", "顿"}, {"ine", "因"},
        {"ara", "拉"}, {"ey", "伊"}, {"ind", "德"}, {"ena", "娜"}, {"ova", "娃"}, {"ux", "克斯"}, {"ano", "诺"},
        {"ette", "特"}, {"ier", "耶"}, {"is", "斯"}, {"ium", "姆"}, {"ona", "娜"}, {"ville", "维尔"}, {"berg", "堡"},
        {"wood", "伍德"}, {"field", "菲尔德"}, {"ford", "福德"}, {"stad", "斯塔德"}, {"dal", "达尔"}
    };

    /** Appended to a Chinese name that another brand already has. */
    private static final String[] ZH_DISAMBIGUATION = {"思", "特", "妮", "亚", "诗", "蔓", "朗", "琪", "菲", "宝"};

    private final Map<String, List<Brand>> byCategory = new LinkedHashMap<>();
    private final Map<String, double[]> cumulative = new LinkedHashMap<>();
    private final Map<String, Brand> all = new LinkedHashMap<>();
    private final Map<String, Set<String>> categoriesOf = new LinkedHashMap<>();

    Brands() {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<String> enNames = new HashSet<>();
        Set<String> zhNames = new HashSet<>();
        for (Category category : Vocabulary.CATEGORIES) {
            for (RealBrand real : category.brands()) {
                enNames.add(real.en().toLowerCase(Locale.ROOT));
                zhNames.add(real.zh());
            }
        }
        for (Category category : Vocabulary.CATEGORIES) {
            List<Brand> brands = new ArrayList<>();
            for (RealBrand real : category.brands()) {
                brands.add(all.computeIfAbsent(
                        real.en(), en -> new Brand(real.en(), real.zh(), real.origin(), real.tier())));
            }
            int invented = category.weight() * PER_WEIGHT_POINT;
            for (int i = 0; i < invented; i++) {
                Brand brand = invent(random, category, enNames, zhNames);
                all.put(brand.en(), brand);
                brands.add(brand);
            }
            for (Brand brand : brands) {
                categoriesOf
                        .computeIfAbsent(brand.en(), b -> new java.util.LinkedHashSet<>())
                        .add(category.code());
            }
            byCategory.put(category.code(), List.copyOf(brands));
            double[] weights = new double[brands.size()];
            double sum = 0;
            for (int rank = 0; rank < weights.length; rank++) {
                sum += 1.0 / Math.pow(rank + 1, ZIPF_EXPONENT);
                weights[rank] = sum;
            }
            for (int rank = 0; rank < weights.length; rank++) {
                weights[rank] /= sum;
            }
            cumulative.put(category.code(), weights);
        }
    }

    private static Brand invent(SplittableRandom random, Category category, Set<String> enNames, Set<String> zhNames) {
        while (true) {
            String[] start = STARTS[random.nextInt(STARTS.length)];
            String[] middle = MIDDLES[random.nextInt(MIDDLES.length)];
            String[] end = ENDS[random.nextInt(ENDS.length)];
            String en = start[0] + middle[0] + end[0];
            String zh = start[1] + middle[1] + end[1];
            if (random.nextDouble() < 0.35) {
                Word suffix = category.brandSuffixes()
                        .get(random.nextInt(category.brandSuffixes().size()));
                en = en + " " + suffix.en();
                zh = zh + suffix.zh();
            }
            if (!enNames.add(en.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String base = zh;
            for (int i = 0; !zhNames.add(zh); i++) {
                zh = base
                        + ZH_DISAMBIGUATION[i % ZH_DISAMBIGUATION.length]
                        + (i >= ZH_DISAMBIGUATION.length ? String.valueOf(i / ZH_DISAMBIGUATION.length) : "");
            }
            String origin =
                    category.origins().get(random.nextInt(category.origins().size()));
            double tier = Math.exp(random.nextGaussian() * 0.35);
            return new Brand(en, zh, origin, tier);
        }
    }

    /** A brand of the category, popular ones more often. */
    Brand pick(String category, SplittableRandom random) {
        double[] weights = cumulative.get(category);
        int index = Arrays.binarySearch(weights, random.nextDouble());
        if (index < 0) {
            index = -index - 1;
        }
        return byCategory.get(category).get(Math.min(index, weights.length - 1));
    }

    List<Brand> of(String category) {
        return byCategory.get(category);
    }

    Map<String, Brand> all() {
        return all;
    }

    Set<String> categoriesOf(String brand) {
        return categoriesOf.getOrDefault(brand, Set.of());
    }
}
