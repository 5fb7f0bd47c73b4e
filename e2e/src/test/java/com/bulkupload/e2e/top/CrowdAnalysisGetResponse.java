package com.bulkupload.e2e.top;

import com.taobao.api.TaobaoObject;
import com.taobao.api.TaobaoResponse;
import com.taobao.api.internal.mapping.ApiField;
import com.taobao.api.internal.mapping.ApiListField;
import java.util.List;

/** The response of taobao.opencrm.crowdanalysis.get, as TOP's SDK generator writes it. */
public class CrowdAnalysisGetResponse extends TaobaoResponse {

    @ApiField("task")
    private Task task;

    public Task getTask() {
        return task;
    }

    public void setTask(Task task) {
        this.task = task;
    }

    public static class Task extends TaobaoObject {
        @ApiField("task_id")
        private Long taskId;
        @ApiField("crowd_id")
        private Long crowdId;
        @ApiField("start_time")
        private String startTime;
        @ApiField("end_time")
        private String endTime;
        @ApiField("state")
        private String state;
        @ApiField("computed_time")
        private String computedTime;
        @ApiField("member_count")
        private Long memberCount;
        @ApiField("with_email_count")
        private Long withEmailCount;
        @ApiField("with_phone_count")
        private Long withPhoneCount;
        @ApiField("updated_7_days_count")
        private Long updated7DaysCount;
        @ApiField("updated_30_days_count")
        private Long updated30DaysCount;
        @ApiListField("top_countries")
        @ApiField("crowd_count")
        private List<CrowdCount> topCountries;
        @ApiListField("top_cities")
        @ApiField("crowd_count")
        private List<CrowdCount> topCities;

        public Long getTaskId() { return taskId; }
        public void setTaskId(Long taskId) { this.taskId = taskId; }
        public Long getCrowdId() { return crowdId; }
        public void setCrowdId(Long crowdId) { this.crowdId = crowdId; }
        public String getStartTime() { return startTime; }
        public void setStartTime(String startTime) { this.startTime = startTime; }
        public String getEndTime() { return endTime; }
        public void setEndTime(String endTime) { this.endTime = endTime; }
        public String getState() { return state; }
        public void setState(String state) { this.state = state; }
        public String getComputedTime() { return computedTime; }
        public void setComputedTime(String computedTime) { this.computedTime = computedTime; }
        public Long getMemberCount() { return memberCount; }
        public void setMemberCount(Long memberCount) { this.memberCount = memberCount; }
        public Long getWithEmailCount() { return withEmailCount; }
        public void setWithEmailCount(Long withEmailCount) { this.withEmailCount = withEmailCount; }
        public Long getWithPhoneCount() { return withPhoneCount; }
        public void setWithPhoneCount(Long withPhoneCount) { this.withPhoneCount = withPhoneCount; }
        public Long getUpdated7DaysCount() { return updated7DaysCount; }
        public void setUpdated7DaysCount(Long updated7DaysCount) { this.updated7DaysCount = updated7DaysCount; }
        public Long getUpdated30DaysCount() { return updated30DaysCount; }
        public void setUpdated30DaysCount(Long updated30DaysCount) { this.updated30DaysCount = updated30DaysCount; }
        public List<CrowdCount> getTopCountries() { return topCountries; }
        public void setTopCountries(List<CrowdCount> topCountries) { this.topCountries = topCountries; }
        public List<CrowdCount> getTopCities() { return topCities; }
        public void setTopCities(List<CrowdCount> topCities) { this.topCities = topCities; }
    }

    public static class CrowdCount extends TaobaoObject {
        @ApiField("name")
        private String name;
        @ApiField("count")
        private Long count;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Long getCount() { return count; }
        public void setCount(Long count) { this.count = count; }
    }
}
