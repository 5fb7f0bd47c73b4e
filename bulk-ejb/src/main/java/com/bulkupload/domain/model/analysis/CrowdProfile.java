package com.bulkupload.domain.model.analysis;

import java.util.List;

/**
 * What a crowd (a customer list) looks like at one moment: how many members, how many can be
 * reached by email and by phone, how many changed in the last 7 and 30 days, and its largest
 * countries and cities (at most 10 each, largest first).
 */
public record CrowdProfile(long members, long withEmail, long withPhone, long updatedLast7Days, long updatedLast30Days,
                           List<Count> topCountries, List<Count> topCities) {

    public record Count(String name, long count) {
    }
}
