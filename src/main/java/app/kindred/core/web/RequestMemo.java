package app.kindred.core.web;

import java.util.ArrayList;
import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a request has looked up already, for lookups that many parts of one page make
 * alike (the organisations a person staffs: the menu, every Home section and every access
 * check ask it). Kept in the request's attributes, so it lives exactly as long as the
 * request and is never shared between people or instances; outside a request (jobs,
 * listeners) every call computes afresh. A module that changes what it memoised forgets
 * its entries, so the rest of that request sees the change.
 */
public final class RequestMemo {

	private static final String PREFIX = RequestMemo.class.getName() + ".";

	private RequestMemo() {
	}

	/** The value under {@code key} in this request, computed on the first call only. */
	@SuppressWarnings("unchecked")
	public static <T> T get(String key, Supplier<T> compute) {
		var request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return compute.get();
		}
		var name = PREFIX + key;
		var known = (T) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
		if (known == null) {
			known = compute.get();
			request.setAttribute(name, known, RequestAttributes.SCOPE_REQUEST);
		}
		return known;
	}

	/** Forgets this request's entries whose keys start with {@code prefix}. */
	public static void forget(String prefix) {
		var request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return;
		}
		var names = new ArrayList<String>();
		for (var name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
			if (name.startsWith(PREFIX + prefix)) {
				names.add(name);
			}
		}
		names.forEach(name -> request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST));
	}

}
