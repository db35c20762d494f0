package cn.eexpo.catalog;

/** Search cannot answer now (Elasticsearch is down or the index is being built for the first time). */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
