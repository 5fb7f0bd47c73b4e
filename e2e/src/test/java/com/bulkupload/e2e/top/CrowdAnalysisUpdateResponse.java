package com.bulkupload.e2e.top;

import com.taobao.api.TaobaoObject;
import com.taobao.api.TaobaoResponse;
import com.taobao.api.internal.mapping.ApiField;

/** The response of taobao.opencrm.crowdanalysis.update, as TOP's SDK generator writes it. */
public class CrowdAnalysisUpdateResponse extends TaobaoResponse {

    @ApiField("result")
    private Result result;

    public Result getResult() {
        return result;
    }

    public void setResult(Result result) {
        this.result = result;
    }

    public static class Result extends TaobaoObject {
        @ApiField("result")
        private TaskDto result;
        @ApiField("code")
        private String code;
        @ApiField("msg")
        private String msg;
        @ApiField("success")
        private Boolean success;

        public TaskDto getResult() {
            return result;
        }

        public void setResult(TaskDto result) {
            this.result = result;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getMsg() {
            return msg;
        }

        public void setMsg(String msg) {
            this.msg = msg;
        }

        public Boolean getSuccess() {
            return success;
        }

        public void setSuccess(Boolean success) {
            this.success = success;
        }
    }

    public static class TaskDto extends TaobaoObject {
        @ApiField("task_id")
        private Long taskId;
        @ApiField("crowd_id")
        private Long crowdId;
        @ApiField("start_time")
        private String startTime;
        @ApiField("end_time")
        private String endTime;

        public Long getTaskId() {
            return taskId;
        }

        public void setTaskId(Long taskId) {
            this.taskId = taskId;
        }

        public Long getCrowdId() {
            return crowdId;
        }

        public void setCrowdId(Long crowdId) {
            this.crowdId = crowdId;
        }

        public String getStartTime() {
            return startTime;
        }

        public void setStartTime(String startTime) {
            this.startTime = startTime;
        }

        public String getEndTime() {
            return endTime;
        }

        public void setEndTime(String endTime) {
            this.endTime = endTime;
        }
    }
}
